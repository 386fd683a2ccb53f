"""files/backup"""
