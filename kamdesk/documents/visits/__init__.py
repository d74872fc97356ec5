"""Visit documents: the manager's report (XLSX, PDF) and the pre-call brief (PDF)."""
