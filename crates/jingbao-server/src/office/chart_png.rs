//! A bar chart as a PNG for documents: one bar per value (0–1), with a light grid at 25 %
//! steps and a red line at the interview threshold. Labels live in the table beside it.

pub fn bars(values: &[f64], threshold: f64, width: u32, height: u32) -> Result<Vec<u8>, String> {
    let (w, h) = (width.max(100), height.max(60));
    let mut px = vec![[255u8, 255, 255]; (w * h) as usize];
    let (left, right, top, bottom) = (10u32, 10u32, 10u32, 10u32);
    let plot_h = h - top - bottom;
    let hline = |y: u32, c: [u8; 3], px: &mut Vec<[u8; 3]>| {
        for x in left..w - right {
            px[(y * w + x) as usize] = c;
        }
    };
    for q in 0..=4 {
        hline(top + plot_h - plot_h * q / 4, [225, 225, 225], &mut px);
    }
    let n = values.len().max(1) as u32;
    let slot = (w - left - right) / n;
    let bar = (slot * 7 / 10).max(1);
    for (i, v) in values.iter().enumerate() {
        let v = v.clamp(0.0, 1.0);
        let bh = (plot_h as f64 * v).round() as u32;
        let color = if v < threshold {
            [200, 50, 50]
        } else {
            [38, 110, 200]
        };
        let x0 = left + i as u32 * slot + (slot - bar) / 2;
        for y in (top + plot_h - bh)..(top + plot_h) {
            for x in x0..(x0 + bar).min(w - right) {
                px[(y * w + x) as usize] = color;
            }
        }
    }
    let ty = top + plot_h - (plot_h as f64 * threshold.clamp(0.0, 1.0)).round() as u32;
    hline(ty.min(h - 1), [220, 0, 0], &mut px);
    let mut out = Vec::new();
    {
        let mut enc = png::Encoder::new(&mut out, w, h);
        enc.set_color(png::ColorType::Rgb);
        enc.set_depth(png::BitDepth::Eight);
        let mut wr = enc.write_header().map_err(|e| e.to_string())?;
        let flat: Vec<u8> = px.into_iter().flatten().collect();
        wr.write_image_data(&flat).map_err(|e| e.to_string())?;
    }
    Ok(out)
}
