//! GeoJSON polygons as stored and served: validation (WGS-84 ranges, closed rings), the
//! GCJ-02 → WGS-84 conversion for outlines traced from Chinese web maps, and centroids.

use jingbao_api::LatLon;
use serde_json::{Value, json};

/// Parses `{"type":"Polygon","coordinates":[[[lon,lat],…]]}` into its outer ring.
pub fn outer_ring(v: &Value) -> Result<Vec<(f64, f64)>, String> {
    if v.get("type").and_then(Value::as_str) != Some("Polygon") {
        return Err("must be a GeoJSON Polygon".into());
    }
    let ring = v
        .get("coordinates")
        .and_then(Value::as_array)
        .and_then(|rings| rings.first())
        .and_then(Value::as_array)
        .ok_or("coordinates must hold at least one ring")?;
    let mut pts = Vec::with_capacity(ring.len());
    for p in ring {
        let a = p
            .as_array()
            .filter(|a| a.len() >= 2)
            .ok_or("each position is [lon, lat]")?;
        let (lon, lat) = (
            a[0].as_f64().ok_or("lon must be a number")?,
            a[1].as_f64().ok_or("lat must be a number")?,
        );
        if !(-180.0..=180.0).contains(&lon) || !(-90.0..=90.0).contains(&lat) {
            return Err("position out of WGS-84 range".into());
        }
        pts.push((lon, lat));
    }
    if pts.len() < 4 {
        return Err("a ring needs at least 4 positions".into());
    }
    if pts.first() != pts.last() {
        return Err("the ring must be closed (first = last)".into());
    }
    if pts.len() > 1000 {
        return Err("at most 1000 positions".into());
    }
    Ok(pts)
}

pub fn polygon(ring: &[(f64, f64)]) -> Value {
    json!({ "type": "Polygon", "coordinates": [ring.iter().map(|(x, y)| json!([x, y])).collect::<Vec<_>>()] })
}

/// Mean of the distinct vertices (good enough for towers and labels).
pub fn center(ring: &[(f64, f64)]) -> LatLon {
    let pts = &ring[..ring.len().saturating_sub(1).max(1)];
    let n = pts.len() as f64;
    LatLon {
        lon: pts.iter().map(|p| p.0).sum::<f64>() / n,
        lat: pts.iter().map(|p| p.1).sum::<f64>() / n,
    }
}

const A: f64 = 6378245.0;
const EE: f64 = 0.006_693_421_622_965_943;

fn transform_lat(x: f64, y: f64) -> f64 {
    use std::f64::consts::PI;
    let mut r = -100.0 + 2.0 * x + 3.0 * y + 0.2 * y * y + 0.1 * x * y + 0.2 * x.abs().sqrt();
    r += (20.0 * (6.0 * x * PI).sin() + 20.0 * (2.0 * x * PI).sin()) * 2.0 / 3.0;
    r += (20.0 * (y * PI).sin() + 40.0 * (y / 3.0 * PI).sin()) * 2.0 / 3.0;
    r += (160.0 * (y / 12.0 * PI).sin() + 320.0 * (y * PI / 30.0).sin()) * 2.0 / 3.0;
    r
}

fn transform_lon(x: f64, y: f64) -> f64 {
    use std::f64::consts::PI;
    let mut r = 300.0 + x + 2.0 * y + 0.1 * x * x + 0.1 * x * y + 0.1 * x.abs().sqrt();
    r += (20.0 * (6.0 * x * PI).sin() + 20.0 * (2.0 * x * PI).sin()) * 2.0 / 3.0;
    r += (20.0 * (x * PI).sin() + 40.0 * (x / 3.0 * PI).sin()) * 2.0 / 3.0;
    r += (150.0 * (x / 12.0 * PI).sin() + 300.0 * (x / 30.0 * PI).sin()) * 2.0 / 3.0;
    r
}

/// WGS-84 → GCJ-02 (the published offset model).
pub fn wgs_to_gcj(lon: f64, lat: f64) -> (f64, f64) {
    use std::f64::consts::PI;
    let dlat = transform_lat(lon - 105.0, lat - 35.0);
    let dlon = transform_lon(lon - 105.0, lat - 35.0);
    let radlat = lat / 180.0 * PI;
    let magic = 1.0 - EE * radlat.sin() * radlat.sin();
    let sqrt_magic = magic.sqrt();
    let dlat = (dlat * 180.0) / ((A * (1.0 - EE)) / (magic * sqrt_magic) * PI);
    let dlon = (dlon * 180.0) / (A / sqrt_magic * radlat.cos() * PI);
    (lon + dlon, lat + dlat)
}

/// GCJ-02 → WGS-84 by fixed-point iteration of the forward model (sub-centimetre).
pub fn gcj_to_wgs(lon: f64, lat: f64) -> (f64, f64) {
    let (mut x, mut y) = (lon, lat);
    for _ in 0..10 {
        let (gx, gy) = wgs_to_gcj(x, y);
        x -= gx - lon;
        y -= gy - lat;
    }
    (x, y)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn gcj_round_trip_and_offset() {
        let (lon, lat) = (121.55, 29.82);
        let (gx, gy) = wgs_to_gcj(lon, lat);
        // The offset in Ningbo is a few hundred metres.
        let metres = ((gx - lon) * 96_000.0).hypot((gy - lat) * 111_000.0);
        assert!((100.0..1000.0).contains(&metres), "offset {metres}");
        let (bx, by) = gcj_to_wgs(gx, gy);
        assert!((bx - lon).abs() < 1e-7 && (by - lat).abs() < 1e-7);
    }

    #[test]
    fn rings() {
        let ok = json!({"type":"Polygon","coordinates":[[[121.0,29.0],[121.001,29.0],[121.001,29.001],[121.0,29.0]]]});
        assert_eq!(outer_ring(&ok).map(|r| r.len()), Ok(4));
        let open = json!({"type":"Polygon","coordinates":[[[121.0,29.0],[121.001,29.0],[121.001,29.001],[121.0,29.002]]]});
        assert!(outer_ring(&open).is_err());
        assert!(outer_ring(&json!({"type":"Point","coordinates":[1,2]})).is_err());
        assert!(
            outer_ring(&json!({"type":"Polygon","coordinates":[[[500,29],[1,2],[3,4],[500,29]]]}))
                .is_err()
        );
    }
}
