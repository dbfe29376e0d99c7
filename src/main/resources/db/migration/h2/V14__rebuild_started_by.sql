-- The node that started a rebuild and resets the projection's tokens (admin.RebuildService). While the row's tokens
-- are not reset, the other nodes stop processing that projection, so that the starting node can claim every segment;
-- a row whose node is no longer alive (ledger_node) is reset by another node. Null on rows written before this
-- version: such a row is reset by whichever node sees it first.
alter table projection_rebuild add column started_by varchar(255);
