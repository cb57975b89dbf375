"""Demo data of the portal, taken from the seed documents (``../shared/seeds/``).

``kaselo`` holds the data as plain Python structures; ``loader`` writes it to the database.
"""
