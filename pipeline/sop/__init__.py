"""The SOP's records and reports: the quarterly content plan, minutes, change requests, the forms and the
monthly and six-monthly evaluations, monev readiness and what is due. Commands in pipeline/commands/ only parse
arguments and print."""
