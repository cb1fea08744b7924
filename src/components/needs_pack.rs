//! The screen of a pack quiz on a device that lacks its questions: the link
//! was too long to carry them, or what it carried was refused. It names the
//! pack and offers to add it, instead of starting some other quiz.

use leptos::prelude::*;
use open_door_core::link_pack::DAMAGED;

use crate::components::pack_file::{AddPack, Message, MessageView};
use crate::content::{library, LinkPackOutcome};
use crate::lazy::{LazyView, NotLoaded, SplitView};
use crate::router::A;

// The button and the checks behind it come in the packs' module: a plain
// class link never shows this screen, so its first load does without them.
// What the screen says is in the main module, so it is said even where that
// module does not arrive.
crate::lazy_fn!(
    packs,
    fn pack_adder() -> Result<SplitView<String>, NotLoaded> {
        fn adder(expected: String) -> AnyView {
            let message = RwSignal::new(None::<Message>);
            view! {
                <AddPack id="needed-pack-file" label="Add the pack file" message=message expected=expected />
                <MessageView message=message />
            }
            .into_any()
        }
        Ok(adder)
    }
);

#[component]
pub fn NeedsPack(name: String) -> impl IntoView {
    let refused = match &library().link_pack {
        Some(LinkPackOutcome::Refused(reasons)) => Some(reasons.clone()),
        _ => None,
    };
    // Cut or changed on the way (cut before its pack, it carries none): the
    // whole link again is the quick mend.
    let open_again = refused.as_ref().is_none_or(|reasons| reasons.iter().any(|r| r == DAMAGED));
    // A device that kept no pack was not listening for it (src/packs.rs).
    crate::link_pack::reload_on_another_pack();
    view! {
        <section class="needs-pack" aria-labelledby="needs-pack-heading">
            <h2 id="needs-pack-heading">"This quiz needs a question pack"</h2>
            <p>"Your teacher made this quiz with their own questions, from the pack "<strong>{format!("\"{name}\"")}</strong>"."</p>
            {match refused {
                Some(reasons) => view! {
                    <p>"The link carried the questions, but they cannot be used:"</p>
                    <ul class="wrong">{reasons.into_iter().map(|r| view! { <li>{r}</li> }).collect_view()}</ul>
                }.into_any(),
                None => view! {
                    <p>"The link does not carry those questions: its end was lost on the way, or the pack is too large for a link and is handed out as a file."</p>
                }.into_any(),
            }}
            <p>
                {if open_again { "Open the link again, copied whole from your teacher; or ask for the pack file" } else { "Ask your teacher for the pack file" }}
                " and add it here: the quiz then starts, and the pack stays on this device (it works offline)."
            </p>
            <LazyView load=pack_adder props=name loading="Loading the button that adds the pack…"
                failed="The button that adds the pack did not load" in_section=true />
            <p><A href=crate::paths::href("/quiz")>"Or choose another quiz"</A></p>
        </section>
    }
}
