"""Date and number formats of the Urdu interface (Django has none for `ur`; without them it would use the
American defaults, "جون 22, 2024").

Day, month, year, as Urdu papers write a date ("22 جون 2024"); month names from Django's Urdu catalogue.
Digits stay Latin (0-9): CLDR's default numbering system for Urdu (`ur`, `ur_PK`; Eastern digits are its
`ur_IN` default), what most Pakistani Urdu news sites print, and the digits of the sources the archive
quotes (README, "The interface in Urdu"). Django never converts digits, so nothing else is needed for that.
"""
DATE_FORMAT = "j F Y"
TIME_FORMAT = "H:i"
DATETIME_FORMAT = "j F Y، H:i"
YEAR_MONTH_FORMAT = "F Y"
MONTH_DAY_FORMAT = "j F"
SHORT_DATE_FORMAT = "d/m/Y"
SHORT_DATETIME_FORMAT = "d/m/Y H:i"
# Pakistan's week starts on Monday.
FIRST_DAY_OF_WEEK = 1
DATE_INPUT_FORMATS = ["%Y-%m-%d", "%d/%m/%Y", "%d/%m/%y"]
DATETIME_INPUT_FORMATS = ["%Y-%m-%d %H:%M:%S", "%Y-%m-%d %H:%M", "%d/%m/%Y %H:%M:%S", "%d/%m/%Y %H:%M"]
DECIMAL_SEPARATOR = "."
THOUSAND_SEPARATOR = ","
NUMBER_GROUPING = 3
