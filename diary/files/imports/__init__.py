"""files/imports"""
