//! Turning directive rows into their wire forms.

use jingbao_api::directives::{DirectiveOut, Task, Window};
use jingbao_store::entity::{directive, directive_recipient};

pub fn out(d: &directive::Model, recipients: &[directive_recipient::Model]) -> DirectiveOut {
    let signed = recipients.iter().filter(|r| r.signed_at.is_some()).count() as u32;
    let fed = recipients
        .iter()
        .filter(|r| r.feedback_at.is_some())
        .count() as u32;
    DirectiveOut {
        id: d.id,
        doc_no: d.doc_no.clone(),
        kind: d.kind.clone(),
        title: d.title.clone(),
        body: d.body.clone(),
        priority: d.priority.clone(),
        tasks: serde_json::from_str::<Vec<Task>>(&d.tasks).unwrap_or_default(),
        window: d
            .window_from
            .zip(d.window_to)
            .map(|(from, to)| Window { from, to }),
        feedback_required: d.feedback_required,
        ack_deadline_minutes: d.ack_deadline_minutes,
        state: d.state.clone(),
        created_by: d.created_by.clone(),
        sent_at: d.sent_at,
        deadline_at: d.deadline_at,
        recipient_count: recipients.len() as u32,
        signed_count: signed,
        feedback_count: fed,
    }
}

/// The short issuer used in document numbers: "宁波市公安局鄞州分局首南派出所" → "首南".
pub fn issuer_short(name: &str) -> &str {
    let tail = name
        .rsplit_once("分局")
        .map(|(_, t)| t)
        .filter(|t| !t.is_empty())
        .unwrap_or(name);
    tail.trim_end_matches("派出所").trim_end_matches("警务室")
}

#[cfg(test)]
mod tests {
    #[test]
    fn short_issuer() {
        assert_eq!(
            super::issuer_short("宁波市公安局鄞州分局首南派出所"),
            "首南"
        );
        assert_eq!(super::issuer_short("测试派出所a"), "测试派出所a");
        assert_eq!(super::issuer_short("南商警务室"), "南商");
    }
}
