"""intake-desktop: offline, encrypted intake and referral records for youth counsellors."""

__version__ = "0.1.0"
