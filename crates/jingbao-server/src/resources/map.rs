//! `GET /api/map/base`: the offline map's base layers in the caller's scope — buildings
//! (with heights for 3D extrusion) and grid boundaries as GeoJSON, with centre and bounds.

use crate::auth::caller::Caller;
use crate::http::error::ApiResult;
use crate::state::AppState;
use axum::Json;
use axum::extract::State;
use jingbao_api::LatLon;
use jingbao_api::org::MapBase;
use jingbao_domain::{OrgKind, Permission};
use jingbao_store::repo::{buildings, org_units};
use serde_json::{Value, json};

pub async fn base(State(st): State<AppState>, c: Caller) -> ApiResult<Json<MapBase>> {
    c.require(&st, Permission::BuildingRead).await?;
    let db = st.store.db();
    let bs = buildings::all_in_scope(db, &c.scope).await?;
    let grids = org_units::of_kind(db, &c.scope, OrgKind::Grid.code()).await?;
    let mut bounds = [f64::MAX, f64::MAX, f64::MIN, f64::MIN];
    let mut extend = |geom: &Value| {
        if let Some(ring) = geom.pointer("/coordinates/0").and_then(Value::as_array) {
            for p in ring {
                if let (Some(x), Some(y)) = (
                    p.get(0).and_then(Value::as_f64),
                    p.get(1).and_then(Value::as_f64),
                ) {
                    bounds = [
                        bounds[0].min(x),
                        bounds[1].min(y),
                        bounds[2].max(x),
                        bounds[3].max(y),
                    ];
                }
            }
        }
    };
    let mut bfeatures = Vec::with_capacity(bs.len());
    for b in &bs {
        let geom: Value = serde_json::from_str(&b.footprint).unwrap_or(Value::Null);
        extend(&geom);
        bfeatures.push(json!({"type": "Feature", "id": b.code, "geometry": geom,
            "properties": {"id": b.id, "name": b.name, "code": b.code, "height_m": b.height_m, "floors": b.floors, "grid_id": b.grid_id, "phase": b.phase}}));
    }
    let mut gfeatures = Vec::with_capacity(grids.len());
    for g in &grids {
        let Some(geom) = g
            .boundary
            .as_deref()
            .and_then(|s| serde_json::from_str::<Value>(s).ok())
        else {
            continue;
        };
        extend(&geom);
        gfeatures.push(json!({"type": "Feature", "geometry": geom, "properties": {"id": g.id, "name": g.name, "code": g.code}}));
    }
    if bounds[0] > bounds[2] {
        bounds = [121.545, 29.815, 121.555, 29.825];
    }
    let center = LatLon {
        lon: (bounds[0] + bounds[2]) / 2.0,
        lat: (bounds[1] + bounds[3]) / 2.0,
    };
    Ok(Json(MapBase {
        center,
        bounds,
        buildings: json!({"type": "FeatureCollection", "features": bfeatures}),
        grids: json!({"type": "FeatureCollection", "features": gfeatures}),
        tile_url: st.config.tile_url.clone(),
    }))
}
