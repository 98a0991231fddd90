"""A person's plan with its goals and steps, and the whole plan read at once."""
