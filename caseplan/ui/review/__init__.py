"""Plan → Review the plan…: the review made together, and the big 0–10 scale."""

from caseplan.ui.review.dialog import ReviewDialog
from caseplan.ui.review.scale import RatingScale

__all__ = ["RatingScale", "ReviewDialog"]
