"""Portfolio documents: the data a portfolio PDF shows, rendering it, and cohort exports."""
