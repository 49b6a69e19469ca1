//! Group commit for position ingest: requests hand their rows, their submission record and
//! their own audit record to one writer task, which writes every pending request in a single
//! transaction (one audit record per request, chained in order) and answers each after the
//! commit — so a 2xx still means durable, and the disk syncs once per group, not per request.
//! If a group fails, its requests are retried one by one so one bad request fails alone.

use jingbao_store::entity::{position, submission};
use jingbao_store::repo::common;
use jingbao_store::{AuditEntry, Store, StoreError};
use tokio::sync::{mpsc, oneshot};

/// Most requests written in one transaction.
pub const MAX_GROUP: usize = 256;

pub struct Job {
    pub rows: Vec<position::Model>,
    pub submission: submission::Model,
    pub audit: AuditEntry,
    pub done: oneshot::Sender<Result<(), StoreError>>,
}

pub struct GroupCommit {
    tx: mpsc::Sender<Job>,
}

impl GroupCommit {
    /// Starts the writer task on the current runtime.
    pub fn start(store: Store) -> GroupCommit {
        let (tx, rx) = mpsc::channel(4 * MAX_GROUP);
        tokio::spawn(writer(store, rx));
        GroupCommit { tx }
    }

    /// Writes one request's rows durably (returns after the commit).
    pub async fn submit(
        &self,
        rows: Vec<position::Model>,
        submission: submission::Model,
        audit: AuditEntry,
    ) -> Result<(), StoreError> {
        let (done, wait) = oneshot::channel();
        self.tx
            .send(Job {
                rows,
                submission,
                audit,
                done,
            })
            .await
            .map_err(|_| StoreError::Invalid {
                field: "ingest".into(),
                reason: "writer stopped".into(),
            })?;
        wait.await.map_err(|_| StoreError::Invalid {
            field: "ingest".into(),
            reason: "writer stopped".into(),
        })?
    }
}

async fn write(store: &Store, jobs: &[Job]) -> Result<(), StoreError> {
    let tx = store.write().await?;
    let rows: Vec<position::Model> = jobs.iter().flat_map(|j| j.rows.iter().cloned()).collect();
    let res = async {
        common::insert_many::<position::Entity, _>(tx.conn(), rows, 1000).await?;
        common::insert_many::<submission::Entity, _>(
            tx.conn(),
            jobs.iter().map(|j| j.submission.clone()).collect(),
            500,
        )
        .await?;
        for j in jobs {
            tx.audit(&j.audit).await?;
        }
        Ok::<(), StoreError>(())
    }
    .await;
    match res {
        Ok(()) => tx.commit_unaudited().await,
        Err(e) => {
            tx.rollback().await?;
            Err(e)
        }
    }
}

async fn writer(store: Store, mut rx: mpsc::Receiver<Job>) {
    while let Some(first) = rx.recv().await {
        let mut jobs = vec![first];
        while jobs.len() < MAX_GROUP {
            match rx.try_recv() {
                Ok(j) => jobs.push(j),
                Err(_) => break,
            }
        }
        if write(&store, &jobs).await.is_ok() {
            for j in jobs {
                let _ = j.done.send(Ok(()));
            }
            continue;
        }
        for j in jobs {
            let r = write(&store, std::slice::from_ref(&j)).await;
            let _ = j.done.send(r);
        }
    }
}
