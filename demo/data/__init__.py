"""The demo corpus as literal tables: what the generators say and about which places.

Only data lives here; the code that reads it is in the modules one level up.
"""
