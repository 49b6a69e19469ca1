//! Migrations are idempotent and leave the chain head in place.

use jingbao_store::both_backends;
use jingbao_store::entity::audit_head;
use sea_orm::EntityTrait;

both_backends!(migrate_twice_is_safe, |store| {
    store.migrate().await.expect("second run");
    store.migrate().await.expect("third run");
    let head = audit_head::Entity::find_by_id(1)
        .one(store.db())
        .await
        .expect("query")
        .expect("head row");
    assert_eq!(head.seq, 0);
    assert_eq!(head.hash, jingbao_domain::audit_chain::GENESIS);
});
