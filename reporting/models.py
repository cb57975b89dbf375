"""Annual reports of the regions to the national level (built in a later issue)."""
