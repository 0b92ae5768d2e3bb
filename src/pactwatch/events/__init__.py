"""Event extraction: triggers, frames, arguments, dates, status, sectors, amounts."""
