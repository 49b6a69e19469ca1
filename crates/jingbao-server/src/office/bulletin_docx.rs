//! The monthly bulletin as an editable Word document in official-document layout (GB/T
//! 9704): document number, red rule, title, body, ranking table, chart, the units to be
//! interviewed, issuing authority and date.

use docx_rs::{
    AlignmentType, Docx, LineSpacing, Paragraph, Pic, Run, RunFonts, Table, TableCell, TableRow,
};

pub struct Bulletin<'a> {
    pub doc_no: &'a str,
    pub issuer: &'a str,
    pub month_cn: &'a str,
    pub date_cn: &'a str,
    pub summary: &'a str,
    /// (rank, unit, test on-time, test ack, other on-time, median latency)
    pub rows: &'a [[String; 6]],
    pub interview: &'a [String],
    pub chart_png: Vec<u8>,
    pub chart_size: (u32, u32),
}

fn fang_song(text: &str) -> Run {
    Run::new()
        .add_text(text)
        .size(32)
        .fonts(RunFonts::new().east_asia("仿宋_GB2312").ascii("FangSong"))
}

fn body(text: &str) -> Paragraph {
    Paragraph::new()
        .add_run(fang_song(text))
        .indent(
            None,
            Some(docx_rs::SpecialIndentType::FirstLine(640)),
            None,
            None,
        )
        .line_spacing(LineSpacing::new().line(560))
}

fn cell(text: &str, bold: bool) -> TableCell {
    let mut r = Run::new()
        .add_text(text)
        .size(21)
        .fonts(RunFonts::new().east_asia("宋体"));
    if bold {
        r = r.bold();
    }
    TableCell::new().add_paragraph(Paragraph::new().add_run(r).align(AlignmentType::Center))
}

pub fn render(b: &Bulletin) -> Result<Vec<u8>, String> {
    let header = [
        "名次",
        "联动单位",
        "测试按时签收率",
        "测试签收率",
        "日常指令按时率",
        "签收用时中位数",
    ];
    let mut rows = vec![TableRow::new(
        header.iter().map(|h| cell(h, true)).collect(),
    )];
    for r in b.rows {
        rows.push(TableRow::new(r.iter().map(|v| cell(v, false)).collect()));
    }
    let (cw, ch) = b.chart_size;
    let pic = Pic::new_with_dimensions(b.chart_png.clone(), cw, ch);
    let mut doc = Docx::new()
        .page_size(11906, 16838)
        .add_paragraph(
            Paragraph::new()
                .add_run(
                    Run::new()
                        .add_text(b.issuer)
                        .size(52)
                        .color("C00000")
                        .fonts(RunFonts::new().east_asia("方正小标宋简体")),
                )
                .align(AlignmentType::Center),
        )
        .add_paragraph(
            Paragraph::new()
                .add_run(fang_song(b.doc_no))
                .align(AlignmentType::Center),
        )
        .add_paragraph(
            Paragraph::new()
                .add_run(
                    Run::new()
                        .add_text("━━━━━━━━━━━━━━━━━━━━━━━━━━━━")
                        .color("C00000"),
                )
                .align(AlignmentType::Center),
        )
        .add_paragraph(
            Paragraph::new()
                .add_run(
                    Run::new()
                        .add_text(format!("关于{}警保联动指令签收情况的通报", b.month_cn))
                        .size(44)
                        .fonts(RunFonts::new().east_asia("方正小标宋简体")),
                )
                .align(AlignmentType::Center),
        )
        .add_paragraph(Paragraph::new().add_run(fang_song("各联动单位：")))
        .add_paragraph(body(b.summary))
        .add_paragraph(body("一、签收情况排名"))
        .add_table(Table::new(rows))
        .add_paragraph(body("二、测试按时签收率（红线为约谈线）"))
        .add_paragraph(
            Paragraph::new()
                .add_run(Run::new().add_image(pic))
                .align(AlignmentType::Center),
        );
    doc = doc.add_paragraph(body("三、约谈单位"));
    if b.interview.is_empty() {
        doc = doc.add_paragraph(body("本月无单位低于约谈线。"));
    } else {
        for (i, u) in b.interview.iter().enumerate() {
            doc = doc.add_paragraph(body(&format!("{}. {u}", i + 1)));
        }
        doc = doc.add_paragraph(body(
            "请上述单位负责人于收到本通报后三个工作日内到警务室说明情况并提交整改措施。",
        ));
    }
    doc = doc
        .add_paragraph(Paragraph::new())
        .add_paragraph(
            Paragraph::new()
                .add_run(fang_song(b.issuer))
                .align(AlignmentType::Right),
        )
        .add_paragraph(
            Paragraph::new()
                .add_run(fang_song(b.date_cn))
                .align(AlignmentType::Right),
        );
    let mut buf = std::io::Cursor::new(Vec::new());
    doc.build().pack(&mut buf).map_err(|e| e.to_string())?;
    Ok(buf.into_inner())
}
