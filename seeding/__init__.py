"""
Seed the archive from the curated files in seeding/curated/: one loader a kind, one shared machinery.

- files.py: read a curated file and check its records' shape (the errors name the file and the record);
- records.py: bring records up to date by natural key, through the owning apps' writes, and tally it;
- items.py: load items one by one, so one bad item is reported and the others still load;
- archive.py, discrepancies.py, figures.py, organisations.py: each kind's loading;
- management/commands/load_curated_*: thin commands calling them.

The package sits above the apps (like the project package): it imports the apps, no app imports it.
"""
