//! The audit chain: appends in write transactions, rollbacks leave no record, and any edit,
//! deletion or reorder is detected by `verify` at the right record.

use super::support::entry;
use jingbao_store::audit::verify;
use jingbao_store::{Store, VerifyOutcome, both_backends};
use sea_orm::{ConnectionTrait, Statement};

async fn write_n(store: &Store, n: usize) {
    for i in 0..n {
        let tx = store.write().await.expect("begin");
        tx.commit(entry(&format!("test.action{i}")))
            .await
            .expect("commit");
    }
}

async fn exec(store: &Store, sql: &str) {
    let b = store.db().get_database_backend();
    store
        .db()
        .execute_raw(Statement::from_string(b, sql.to_string()))
        .await
        .expect("tamper sql");
}

fn broken_at(o: VerifyOutcome) -> i64 {
    match o {
        VerifyOutcome::Broken { seq, .. } => seq,
        VerifyOutcome::Intact { records } => {
            panic!("expected a broken chain, got intact with {records}")
        }
    }
}

both_backends!(intact_chain_counts_records, |store| {
    write_n(&store, 5).await;
    let tx = store.write().await.expect("begin");
    tx.rollback().await.expect("rollback");
    assert_eq!(
        verify(store.db()).await.expect("verify"),
        VerifyOutcome::Intact { records: 5 }
    );
});

both_backends!(flipped_byte_is_detected, |store| {
    write_n(&store, 5).await;
    exec(
        &store,
        "UPDATE audit_log SET action = 'X' || substr(action, 2) WHERE seq = 3",
    )
    .await;
    assert_eq!(broken_at(verify(store.db()).await.expect("verify")), 3);
});

both_backends!(deleted_record_is_detected, |store| {
    write_n(&store, 5).await;
    exec(&store, "DELETE FROM audit_log WHERE seq = 2").await;
    assert_eq!(broken_at(verify(store.db()).await.expect("verify")), 2);
});

both_backends!(deleted_tail_is_detected, |store| {
    write_n(&store, 5).await;
    exec(&store, "DELETE FROM audit_log WHERE seq = 5").await;
    assert!(matches!(
        verify(store.db()).await.expect("verify"),
        VerifyOutcome::Broken { .. }
    ));
});

both_backends!(swapped_records_are_detected, |store| {
    write_n(&store, 5).await;
    exec(&store, "UPDATE audit_log SET seq = -1 WHERE seq = 2").await;
    exec(&store, "UPDATE audit_log SET seq = 2 WHERE seq = 4").await;
    exec(&store, "UPDATE audit_log SET seq = 4 WHERE seq = -1").await;
    assert_eq!(broken_at(verify(store.db()).await.expect("verify")), 2);
});

both_backends!(concurrent_writers_keep_one_chain, |store| {
    let mut tasks = Vec::new();
    for w in 0..8 {
        let s = store.clone();
        tasks.push(tokio::spawn(async move {
            for i in 0..10 {
                let tx = s.write().await.expect("begin");
                tx.commit(entry(&format!("w{w}.{i}")))
                    .await
                    .expect("commit");
            }
        }));
    }
    for t in tasks {
        t.await.expect("join");
    }
    assert_eq!(
        verify(store.db()).await.expect("verify"),
        VerifyOutcome::Intact { records: 80 }
    );
});
