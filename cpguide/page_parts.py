"""The ids the pages give their own parts (not items), named once: the page modules use them, and
`cpguide validate` refuses an item id that is one of them (cpguide/checks/misleading.py)."""

YOUR_DATES = "your-dates"  # "Dates that matter to you" on an audience's page (the calculator links to it)
WHAT_TO_BRING = "what-to-bring"  # "What to bring and prepare" on the professionals' page

PAGE_PART_IDS = (YOUR_DATES, WHAT_TO_BRING)
