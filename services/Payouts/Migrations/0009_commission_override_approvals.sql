-- Issue #32: the approval policy gains commissionOverrides (how many members approve a raised commission
-- override; the campaigns service holds the raise). A stored policy says nothing about it, which means none;
-- it is written out as the service writes it (the last member of the document, as serialized), so that the
-- same policy PUT again still compares equal and publishes nothing.
UPDATE approval_policies
SET document = left(document, length(document) - 1) || ',"commissionOverrides":{"approvals":0,"above":[]}}'
WHERE document NOT LIKE '%"commissionOverrides":%';
