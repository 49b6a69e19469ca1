//! Building .xlsx workbooks from rows, and reading rows back.

use calamine::{Data, DataType, Reader, Xlsx};
use rust_xlsxwriter::{Format, Workbook, XlsxError};
use std::io::Cursor;

/// Largest export in one file.
pub const EXPORT_CAP: u64 = 50_000;

pub enum Cell {
    Text(String),
    Number(f64),
}

impl Cell {
    pub fn text(s: impl Into<String>) -> Cell {
        Cell::Text(s.into())
    }
    pub fn num(n: impl Into<f64>) -> Cell {
        Cell::Number(n.into())
    }
}

/// One worksheet: a title line (who exported, when), a header row, data rows.
pub struct Sheet {
    pub name: String,
    pub headers: Vec<String>,
    pub rows: Vec<Vec<Cell>>,
}

impl Sheet {
    pub fn new(name: &str, headers: &[&str]) -> Sheet {
        Sheet {
            name: name.to_string(),
            headers: headers.iter().map(|h| h.to_string()).collect(),
            rows: Vec::new(),
        }
    }

    pub fn row(&mut self, r: Vec<Cell>) {
        self.rows.push(r);
    }

    /// The workbook bytes; `stamp` goes in the first row (None for import templates, whose
    /// first row is the header).
    pub fn to_xlsx(&self, stamp: Option<&str>) -> Result<Vec<u8>, XlsxError> {
        let mut wb = Workbook::new();
        let ws = wb.add_worksheet();
        ws.set_name(&self.name)?;
        let bold = Format::new().set_bold();
        let mut r = 0u32;
        if let Some(s) = stamp {
            ws.write_string(0, 0, s)?;
            r = 1;
        }
        for (i, h) in self.headers.iter().enumerate() {
            ws.write_string_with_format(r, i as u16, h, &bold)?;
            ws.set_column_width(i as u16, 16)?;
        }
        ws.set_freeze_panes(r + 1, 0)?;
        for row in &self.rows {
            r += 1;
            for (i, cell) in row.iter().enumerate() {
                match cell {
                    Cell::Text(s) => ws.write_string(r, i as u16, s)?,
                    Cell::Number(n) => ws.write_number(r, i as u16, *n)?,
                };
            }
        }
        wb.save_to_buffer()
    }
}

/// Reads the first worksheet into rows of cell texts (dates as YYYY-MM-DD, whole numbers
/// without a decimal point).
pub fn read_first_sheet(bytes: &[u8]) -> Result<Vec<Vec<String>>, String> {
    let mut wb: Xlsx<Cursor<Vec<u8>>> =
        calamine::open_workbook_from_rs(Cursor::new(bytes.to_vec()))
            .map_err(|e: calamine::XlsxError| e.to_string())?;
    let range = wb
        .worksheet_range_at(0)
        .ok_or("the workbook has no worksheet")?
        .map_err(|e| e.to_string())?;
    Ok(range
        .rows()
        .map(|row| row.iter().map(cell_text).collect())
        .collect())
}

fn cell_text(d: &Data) -> String {
    match d {
        Data::Empty => String::new(),
        Data::String(s) => s.trim().to_string(),
        Data::Int(i) => i.to_string(),
        Data::Float(f) if f.fract() == 0.0 && f.abs() < 1e15 => format!("{}", *f as i64),
        Data::Float(f) => f.to_string(),
        Data::Bool(b) => b.to_string(),
        Data::DateTime(dt) => excel_serial_to_date(dt.as_f64()),
        other => other.as_string().unwrap_or_default(),
    }
}

fn excel_serial_to_date(serial: f64) -> String {
    let base = chrono::NaiveDate::from_ymd_opt(1899, 12, 30).expect("valid date");
    base.checked_add_signed(chrono::Duration::days(serial.floor() as i64))
        .map(|d| d.format("%Y-%m-%d").to_string())
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trip() {
        let mut s = Sheet::new("保安", &["姓名", "楼层"]);
        s.row(vec![Cell::text("张三"), Cell::num(12)]);
        let bytes = s.to_xlsx(Some("导出人 officer")).expect("xlsx");
        let rows = read_first_sheet(&bytes).expect("read");
        assert_eq!(rows[0][0], "导出人 officer");
        assert_eq!(rows[1], vec!["姓名", "楼层"]);
        assert_eq!(rows[2], vec!["张三", "12"]);
        assert_eq!(excel_serial_to_date(46023.0), "2026-01-01");
        assert!(read_first_sheet(b"not a workbook").is_err());
    }
}
