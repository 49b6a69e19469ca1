//! Scoped lists: subtree filters, paging and sorting, unique-conflict mapping, encryption.

use super::support::{entry, unit};
use jingbao_domain::DataScope;
use jingbao_store::entity::org_unit;
use jingbao_store::repo::{common, org_units};
use jingbao_store::{ListQuery, StoreError, both_backends};

both_backends!(subtree_scope_filters_and_pages, |store| {
    let bureau = unit(None, "bureau", "B");
    let s1 = unit(Some(&bureau), "station", "S1");
    let s2 = unit(Some(&bureau), "station", "S2");
    let mut rows = vec![bureau.clone(), s1.clone(), s2.clone()];
    for i in 0..7 {
        rows.push(unit(
            Some(if i % 2 == 0 { &s1 } else { &s2 }),
            "police_room",
            &format!("R{i}"),
        ));
    }
    let tx = store.write().await.expect("begin");
    common::insert_many::<org_unit::Entity, _>(tx.conn(), rows, 4)
        .await
        .expect("insert");
    tx.commit(entry("seed")).await.expect("commit");

    let only_s1 = DataScope {
        subtrees: vec![s1.path.clone()],
        ..DataScope::none()
    };
    let q = ListQuery {
        page_size: 2,
        sort: Some(("code".into(), true)),
        ..ListQuery::default()
    };
    let page = org_units::list(store.db(), &only_s1, &q)
        .await
        .expect("list");
    assert_eq!(page.total, 5, "S1 and its four rooms");
    let codes: Vec<_> = page.items.iter().map(|o| o.code.clone()).collect();
    assert_eq!(codes, vec!["S1", "R6"]);
    let q3 = ListQuery {
        page: 3,
        page_size: 2,
        sort: Some(("code".into(), true)),
        ..ListQuery::default()
    };
    let last = org_units::list(store.db(), &only_s1, &q3)
        .await
        .expect("list");
    assert_eq!(last.items.len(), 1);

    assert!(
        org_units::get(store.db(), &only_s1, s2.id)
            .await
            .expect("get")
            .is_none()
    );
    assert!(
        org_units::get(store.db(), &DataScope::everything(), s2.id)
            .await
            .expect("get")
            .is_some()
    );
    assert_eq!(
        org_units::list(store.db(), &DataScope::none(), &ListQuery::default())
            .await
            .expect("list")
            .total,
        0
    );

    let bad = ListQuery {
        sort: Some(("password".into(), false)),
        ..ListQuery::default()
    };
    assert!(matches!(
        org_units::list(store.db(), &only_s1, &bad).await,
        Err(StoreError::Invalid { .. })
    ));
    let search = ListQuery {
        q: Some("R".into()),
        ..ListQuery::default()
    };
    assert_eq!(
        org_units::list(store.db(), &DataScope::everything(), &search)
            .await
            .expect("list")
            .total,
        7
    );
});

both_backends!(unique_violation_is_a_conflict, |store| {
    let a = unit(None, "bureau", "SAME");
    let b = unit(None, "bureau", "SAME");
    let tx = store.write().await.expect("begin");
    common::insert::<org_unit::Entity, _>(tx.conn(), a)
        .await
        .expect("first");
    let err = common::insert::<org_unit::Entity, _>(tx.conn(), b)
        .await
        .expect_err("duplicate code");
    assert!(matches!(err, StoreError::Conflict(_)), "{err:?}");
});

both_backends!(personal_data_is_encrypted_at_rest, |store| {
    let sealed = store.cipher().encrypt("330203199001011234");
    assert!(!sealed.contains("1990"));
    assert_eq!(
        store.cipher().decrypt(&sealed).expect("decrypt"),
        "330203199001011234"
    );
});

both_backends!(search_treats_wildcards_literally, |store| {
    let tx = store.write().await.expect("begin");
    for code in ["A_1", "AB1", "A%1"] {
        common::insert::<org_unit::Entity, _>(tx.conn(), unit(None, "bureau", code))
            .await
            .expect("insert");
    }
    tx.commit(entry("seed")).await.expect("commit");
    let q = |t: &str| ListQuery {
        q: Some(t.into()),
        ..ListQuery::default()
    };
    let all = DataScope::everything();
    assert_eq!(
        org_units::list(store.db(), &all, &q("A_1"))
            .await
            .expect("list")
            .total,
        1
    );
    assert_eq!(
        org_units::list(store.db(), &all, &q("A%1"))
            .await
            .expect("list")
            .total,
        1
    );
    assert_eq!(
        org_units::list(store.db(), &all, &q("1"))
            .await
            .expect("list")
            .total,
        3
    );
});
