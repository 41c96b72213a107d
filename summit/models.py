"""The serving layer has no tables: the data load's record is archive.models.DataLoad."""
