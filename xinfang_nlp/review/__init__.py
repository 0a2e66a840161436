"""The clerks' review page (``xinfang serve``): confirm or correct the suggested records."""
