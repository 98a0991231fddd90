"""Fictional demo people for showing and measuring Caseplan (never a real clinic's data).

The only place where the program itself (``SYSTEM``) writes people's records: filling a
demo database is allowed to whoever may fill it (:func:`caseplan.demo.clinic.add_people`),
and then done with the program's own rights.
"""
