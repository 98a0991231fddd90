"""The person's team and their consent to share."""
