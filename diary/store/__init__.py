"""The only package that speaks SQL: opens, checks, migrates, reads and writes the diary file.

The file is refused, and left byte-for-byte untouched, when it is not a diary database or
comes from a newer version. Every save is one transaction: all of it lands or none.

    opening.py     finding the file, opening it (creating or migrating when needed)
    records.py     the Store: every record type's methods on one connection
    files.py       refusing what is not a diary; creating a new file
    schema.py      the tables and their migrations; the copy taken before one
    connection.py  the connection's pragmas, transactions and reads (the encryption seam)
    moods.py, sessions.py, checkins.py, symptoms.py, settings.py, medicines.py,
    morning.py     one record type each
    rows.py        the whole file at once: exports, backups, restores, imports
    damage.py      a damaged row's error, the rules a column is read through, a mood's
    decoding.py    every row read through the domain's rules; a damaged one is named
    checking.py    `diary check`: integrity, links, every damaged row, the rows that survive
"""

from diary import lazy_names

TYPE_CHECKING = False  # typing.TYPE_CHECKING without importing typing
if TYPE_CHECKING:
    from diary.store.connection import StoreError
    from diary.store.decoding import DamagedRowError
    from diary.store.files import APPLICATION_ID, check_file, check_path, tighten_mode
    from diary.store.findings import Findings
    from diary.store.opening import default_path, expand_user, open_store
    from diary.store.records import Store
    from diary.store.schema import SCHEMA_VERSION, TABLES

# Each name loads from its module when first used (PEP 562): `diary mood 7` opens only the
# mood records, and so does not load every record type to save one day.
_LAZY = {
    "APPLICATION_ID": "files",
    "SCHEMA_VERSION": "schema",
    "TABLES": "schema",
    "DamagedRowError": "decoding",
    "Findings": "findings",
    "Store": "records",
    "StoreError": "connection",
    "check_file": "files",
    "check_path": "files",
    "default_path": "opening",
    "expand_user": "opening",
    "open_store": "opening",
    "tighten_mode": "files",
}


__getattr__ = lazy_names(__name__, _LAZY, globals())


__all__ = [
    "APPLICATION_ID",
    "SCHEMA_VERSION",
    "TABLES",
    "DamagedRowError",
    "Findings",
    "Store",
    "StoreError",
    "check_file",
    "check_path",
    "default_path",
    "expand_user",
    "open_store",
    "tighten_mode",
]
