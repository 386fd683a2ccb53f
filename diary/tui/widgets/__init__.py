"""Small reusable widgets of the diary app."""
