//! The OpenAPI document describes every route of the route table, and every schema it
//! references exists.

use crate::support::{Auth, TestApp};
use jingbao_server::routes::api;
use jingbao_store::both_backends;

both_backends!(document_covers_every_route, |store| {
    let t = TestApp::new(store).await;
    let doc = t.get("/api/openapi.json", &Auth::None).await.json();
    let (_, routes) = api(1 << 20);
    for d in &routes {
        let op = &doc["paths"][d.path][d.method];
        assert!(
            op.is_object(),
            "{} {} missing from the document",
            d.method,
            d.path
        );
        assert!(op["responses"].is_object());
    }
    let text = doc.to_string();
    for part in text.split("#/components/schemas/").skip(1) {
        let name: String = part
            .chars()
            .take_while(|c| c.is_alphanumeric() || *c == '_')
            .collect();
        assert!(
            doc["components"]["schemas"][&name].is_object(),
            "schema {name} referenced but not defined"
        );
    }
    assert_eq!(
        doc["paths"]["/api/guards/{id}"]["get"]["x-permission"],
        "guard.read"
    );
});
