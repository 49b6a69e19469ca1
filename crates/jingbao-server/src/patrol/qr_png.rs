//! A checkpoint plate's QR code as a PNG (black modules on white, 4-module quiet zone).

use qrcode::{Color, EcLevel, QrCode};

pub fn render(payload: &str, module_px: u32) -> Result<Vec<u8>, String> {
    let code = QrCode::with_error_correction_level(payload.as_bytes(), EcLevel::M)
        .map_err(|e| e.to_string())?;
    let n = code.width() as u32;
    let quiet = 4;
    let side = (n + 2 * quiet) * module_px;
    let colors = code.to_colors();
    let mut pixels = vec![255u8; (side * side) as usize];
    for (i, c) in colors.iter().enumerate() {
        if *c == Color::Dark {
            let (mx, my) = (i as u32 % n + quiet, i as u32 / n + quiet);
            for dy in 0..module_px {
                let row = ((my * module_px + dy) * side) as usize;
                let start = row + (mx * module_px) as usize;
                pixels[start..start + module_px as usize].fill(0);
            }
        }
    }
    let mut out = Vec::new();
    {
        let mut enc = png::Encoder::new(&mut out, side, side);
        enc.set_color(png::ColorType::Grayscale);
        enc.set_depth(png::BitDepth::Eight);
        let mut w = enc.write_header().map_err(|e| e.to_string())?;
        w.write_image_data(&pixels).map_err(|e| e.to_string())?;
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    #[test]
    fn renders_a_png() {
        let png = super::render(
            "JB1.k1.00000000000000000000000000000007.abcdefghijklmnopqrstuv",
            4,
        )
        .expect("png");
        assert_eq!(&png[..8], b"\x89PNG\r\n\x1a\n");
        assert!(png.len() > 100);
    }
}
