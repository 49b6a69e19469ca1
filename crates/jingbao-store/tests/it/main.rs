//! Store conformance suite: every case runs on SQLite and on PostgreSQL
//! (`JINGBAO_TEST_PG_URL`; required under `CI=true`).

mod audit_chain;
mod lists_and_scope;
mod migrations;
mod support;
