//! Office files: Excel exports of lists (masked as the caller sees them, stamped with who and
//! when, audited) and Excel imports with row-numbered errors and nothing half-imported.

pub mod bulletin_docx;
pub mod chart_png;
pub mod export;
pub mod import;
pub mod xlsx;
