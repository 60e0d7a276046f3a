"""The H5P screens: the player frame and its package's files (``player``), and the JSON endpoints
the lesson page posts results and saved state to (``api``)."""
