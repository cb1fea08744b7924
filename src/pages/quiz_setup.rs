//! Building a quiz: the student's set-up page and the teacher's link
//! builder share one form.

use leptos::ev::SubmitEvent;
use leptos::prelude::*;
use open_door_core::content::{normalise_for_match, Question};
use open_door_core::link::{LinkChoices, LinkLabels, QuizLink, Remade, PLAY_PATH};
use open_door_core::link_pack::{self, MAX_LINK_CHARS};
use open_door_core::number::decimal;
use open_door_core::pack::Pack;
use open_door_core::quiz::{Mode, QuizSpec, Selection};
use open_door_core::route::Page;

use crate::components::bring_into_focus;
use crate::components::download::download;
use crate::components::pack_file::{Message, MessageView};
use crate::components::qr::{QrFullScreen, QrImage};
use crate::components::title::PageTitle;
use crate::components::unfinished::{use_resume_links, UnfinishedQuizzes};
use crate::content::{bundle, library, random_seed};
use crate::pages::classroom::pack_file_name;
use crate::router::A;
use crate::storage::{self, earlier_class_links, form_draft, keep_earlier_class_link, keep_form_draft, save_class_link, saved_class_link};

/// A class link ready to hand out.
#[derive(Clone, PartialEq)]
pub struct ClassLink {
    pub link: QuizLink,
    /// The fragment that carries the link's pack questions, if any.
    pub fragment: Option<String>,
    /// The pack a student's device needs and the link could not carry.
    pub too_big: Option<Pack>,
}

impl ClassLink {
    /// `href` with the fragment that carries the pack, if any.
    pub fn with_fragment(&self, href: String) -> String {
        match &self.fragment {
            Some(fragment) => format!("{href}#{fragment}"),
            None => href,
        }
    }

    /// The link as handed out: the site's address, the quiz, the pack's
    /// fragment.
    pub fn handed_out(&self) -> String {
        self.with_fragment(crate::paths::absolute(&self.link.href()))
    }

    /// The link as handed out (without the site's address), as the
    /// Classroom page keeps it.
    fn kept(&self) -> String {
        self.with_fragment(self.link.href())
    }

    /// The class link [`kept`](Self::kept) wrote, as it was made; `None`
    /// if it no longer gives a quiz here (its pack was removed since), or
    /// no longer carries its pack as it is.
    fn from_kept(kept: &str) -> Option<Self> {
        let (href, fragment) = match kept.split_once('#') {
            Some((href, fragment)) => (href, Some(fragment.to_string())),
            None => (kept, None),
        };
        let link = QuizLink::open(href.strip_prefix(PLAY_PATH)?.strip_prefix('?')?, bundle());
        if link.items().is_empty() {
            return None;
        }
        // A pack quiz's link made before its pack was replaced (by a
        // corrected copy) carries the old one: the teacher makes it again.
        if let (Some(fragment), Some(_)) = (&fragment, &link.labels().pack) {
            let ids: Vec<String> = link.items().iter().map(|item| item.question_id.clone()).collect();
            let now = link_pack::build(&library().packs, &ids).ok().flatten()?;
            if !link_pack::carries(fragment, &now) {
                return None;
            }
        }
        // A pack quiz with no fragment is one whose pack did not fit.
        let too_big = match (&fragment, &link.labels().pack) {
            (None, Some(name)) => library().packs.iter().find(|pack| &pack.name == name).cloned(),
            _ => None,
        };
        Some(Self { link, fragment, too_big })
    }
}

/// Makes the class link of a quiz of chosen questions into `link`: with
/// the pack questions it uses carried in its fragment (compressed by the
/// browser, hence asynchronous), or, where they do not fit, with the pack
/// file to hand out. `labels` are the teacher's title and ticked topics;
/// the pack is found here. The link builder and the class results' follow-up quiz
/// both make their links here, so a pack quiz's follow-up reaches students
/// too.
pub fn make_class_link(
    ids: Vec<String>,
    spec: QuizSpec,
    labels: LinkLabels,
    link: RwSignal<Option<ClassLink>>,
    problem: RwSignal<Option<Message>>,
) {
    link.set(None);
    problem.set(None);
    let fixed = QuizSpec { selection: Selection::Ids(ids.clone()), ..spec };
    let link_pack = match link_pack::build(&library().packs, &ids) {
        Ok(link_pack) => link_pack,
        Err(why) => return problem.set(Some(Message::Problem(vec![why]))),
    };
    let labels = LinkLabels { pack: link_pack.as_ref().map(|p| p.name.clone()), ..labels };
    let quiz_link = QuizLink::from_spec(fixed, bundle()).with_labels(labels, bundle());
    let Some(link_pack) = link_pack else {
        return link.set(Some(ClassLink { link: quiz_link, fragment: None, too_big: None }));
    };
    leptos::task::spawn_local(async move {
        let href = crate::paths::absolute(&quiz_link.href());
        let fragment = crate::link_pack::compress(&link_pack.text).await.map(|compressed| link_pack::fragment(&link_pack, &compressed));
        let fits = fragment.filter(|f| link_pack::link_with_fragment(&href, f).is_some());
        let too_big = match fits {
            Some(_) => None,
            None => library().packs.iter().find(|p| p.name == link_pack.name).cloned(),
        };
        link.set(Some(ClassLink { link: quiz_link, fragment: fits, too_big }));
    });
}

const NO_MATCH: &str = "No question matches the ticked topics and articles: untick some.";

/// What the form's button does.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum BuilderPurpose {
    /// Start the quiz here.
    Play,
    /// Show a link to hand out.
    Share,
}

impl BuilderPurpose {
    /// Where the form is kept for the tab as it is left.
    fn draft_key(self) -> &'static str {
        match self {
            Self::Play => storage::QUIZ_DRAFT_KEY,
            Self::Share => storage::CLASS_DRAFT_KEY,
        }
    }
}

#[component]
pub fn QuizSetup() -> impl IntoView {
    view! {
        <PageTitle text="Quiz" />
        <p>"Choose what to practise. With nothing ticked, Start gives ten questions on everything."</p>
        <UnfinishedQuizzes links=use_resume_links() />
        <QuizBuilder purpose=BuilderPurpose::Play />
    }
}

#[component]
pub fn QuizBuilder(purpose: BuilderPurpose) -> impl IntoView {
    // The form is as it was left in this tab (by the student, or the
    // teacher), after another page and Back or a reload. The teacher's last
    // class link is there again after the projector, the worksheet or a
    // reload, so the class and the paper keep matching; a new tab's form
    // is as it made that link.
    let kept = (purpose == BuilderPurpose::Share).then(saved_class_link).flatten();
    let (kept_link, kept_choices) = kept.map_or((None, None), |(href, choices)| (ClassLink::from_kept(&href), choices));
    let kept_choices = kept_choices.filter(|_| kept_link.is_some());
    let form = form_draft(purpose.draft_key()).or_else(|| kept_choices.clone()).unwrap_or_default();
    let topics = RwSignal::new(form.topics);
    let articles = RwSignal::new(form.articles);
    let count = RwSignal::new(form.count);
    let mode = RwSignal::new(form.mode);
    let minutes = RwSignal::new(form.minutes);
    let title = RwSignal::new(form.title);
    // Ticked single questions (Classroom only): when any are ticked, the quiz
    // is exactly those, whatever the topics and articles.
    let picked = RwSignal::new(form.picked);
    let choices_now = move || LinkChoices {
        topics: topics.get(),
        articles: articles.get(),
        count: count.get(),
        mode: mode.get(),
        minutes: minutes.get(),
        picked: picked.get(),
        title: title.get(),
    };
    let link = RwSignal::new(kept_link);
    // What the form held when the class link on the page was made: made
    // again from the same choices (a corrected title), the link keeps its
    // questions, since the class may already have it.
    let made_from = StoredValue::new(kept_choices);
    if purpose == BuilderPurpose::Share {
        Effect::new(move |_| {
            if let (Some(made), Some(choices)) = (link.read().as_ref(), made_from.get_value()) {
                save_class_link(&made.kept(), &choices);
            }
        });
    }
    Effect::new(move |_| keep_form_draft(purpose.draft_key(), &choices_now()));
    let problem = RwSignal::new(None::<Message>);
    // How the last link made differs from the one it replaced, which the
    // class may have.
    let replaced_quiz = RwSignal::new(None::<Remade>);
    // The title the last link made shares with the new quiz it replaced.
    let title_left = RwSignal::new(None::<String>);
    // The link about to be drawn was just made by the button, not kept for
    // the tab: it takes the focus.
    let just_made = StoredValue::new(false);
    // The links it replaced, to copy again.
    let earlier = RwSignal::new(if purpose == BuilderPurpose::Share { earlier_class_links() } else { Vec::new() });

    let toggle: fn(RwSignal<Vec<String>>, String) = |list, id| {
        list.update(|l| {
            if let Some(at) = l.iter().position(|x| *x == id) {
                l.remove(at);
            } else {
                l.push(id);
            }
        })
    };

    // Said before the quiz starts: a quiz of 3 when 20 were asked for
    // would otherwise only show in "Question 1 of 3".
    let shortfall = move || {
        if !picked.with(Vec::is_empty) {
            return None;
        }
        let asked = count.get();
        let size = Selection::Filter { topics: topics.get(), articles: articles.get(), count: asked }.size(bundle());
        (size == 0 || asked.is_some_and(|asked| size < asked)).then_some(size)
    };

    let submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        if untrack(shortfall) == Some(0) {
            // Said again where the button is: a link of no questions must
            // not reach a class.
            link.set(None);
            return problem.set(Some(Message::Problem(vec![NO_MATCH.to_string()])));
        }
        let spec = QuizSpec {
            selection: Selection::Filter {
                topics: topics.get_untracked(),
                articles: articles.get_untracked(),
                count: count.get_untracked(),
            },
            seed: random_seed(),
            mode: mode.get_untracked(),
            minutes: minutes.get_untracked(),
        };
        match purpose {
            BuilderPurpose::Play => crate::paths::go(&spec.href(), false),
            BuilderPurpose::Share => {
                let choices = untrack(choices_now);
                let shown = link.get_untracked();
                let remade = match (shown.as_ref(), made_from.get_value()) {
                    (Some(made), Some(before)) => Some((&made.link, choices.remade_from(&before))),
                    _ => None,
                };
                // A shared link lists its questions, so every student gets
                // exactly these even if the bank grows later.
                let (ids, spec) = match remade {
                    Some((made, Remade::SameQuiz | Remade::OtherTimeLimit)) => (
                        made.items().iter().map(|i| i.question_id.clone()).collect(),
                        QuizSpec { minutes: spec.minutes, ..made.spec().clone() },
                    ),
                    _ => {
                        let spec = if choices.picked.is_empty() {
                            spec
                        } else {
                            QuizSpec { selection: Selection::Ids(choices.picked.clone()), ..spec }
                        };
                        let ids: Vec<String> =
                            QuizLink::from_spec(spec.clone(), bundle()).items().iter().map(|i| i.question_id.clone()).collect();
                        (ids, spec)
                    }
                };
                // The last link made, whether or not it is on the page (a
                // refused quiz in between clears the page's).
                let previous = shown.as_ref().map(ClassLink::kept).or_else(|| saved_class_link().map(|(href, _)| href));
                let how = remade.map_or(Remade::NewQuiz, |(_, how)| how);
                // One that no longer gives its quiz here (made with a pack's
                // copy since replaced) is not listed below, nor said to be.
                let replaced = previous.filter(|href| how != Remade::SameQuiz && ClassLink::from_kept(href).is_some());
                replaced_quiz.set(replaced.is_some().then_some(how));
                // Said with the page's own verdict: made after a refused
                // quiz, with no link on the page, the quiz is new even from
                // the same choices.
                let before = made_from.get_value().filter(|_| how == Remade::NewQuiz);
                title_left.set(before.and_then(|before| choices.same_title(&before).map(str::to_string)));
                if let Some(replaced) = replaced {
                    earlier.set(keep_earlier_class_link(&replaced));
                }
                let labels = LinkLabels {
                    title: Some(choices.title.trim().to_string()).filter(|t| !t.is_empty()),
                    // Questions picked one by one are named by their own topics.
                    about: match (choices.picked.is_empty(), choices.topics.is_empty()) {
                        (false, _) => None,
                        (true, false) => Some(choices.topics.join(",")),
                        (true, true) => Some(choices.articles.join(",")),
                    },
                    pack: None,
                };
                made_from.set_value(Some(choices));
                just_made.set_value(true);
                make_class_link(ids, spec, labels, link, problem);
            }
        }
    };

    let bank = bundle();
    view! {
        <form class="builder" on:submit=submit>
            <fieldset>
                <legend>"Topics (none ticked: all)"</legend>
                {bank.topics.iter().map(|t| {
                    let id = t.id.clone();
                    let input_id = format!("topic-{}", t.id);
                    view! {
                        <div class="choice">
                            <input
                                type="checkbox"
                                id=input_id.clone()
                                prop:checked={let id = id.clone(); move || topics.with(|t| t.contains(&id))}
                                on:change=move |_| toggle(topics, id.clone())
                            />
                            <label for=input_id>{t.title.clone()}</label>
                        </div>
                    }
                }).collect_view()}
            </fieldset>
            <fieldset>
                <legend>"Articles (none ticked: all)"</legend>
                {bank.articles_by_date().into_iter().map(|a| {
                    let id = a.id.clone();
                    let input_id = format!("article-{}", a.id);
                    let label = format!("{} ({})", capitalise(&a.label), a.date_inferred.split(" (").next().unwrap_or_default());
                    view! {
                        <div class="choice">
                            <input
                                type="checkbox"
                                id=input_id.clone()
                                prop:checked={let id = id.clone(); move || articles.with(|a| a.contains(&id))}
                                on:change=move |_| toggle(articles, id.clone())
                            />
                            <label for=input_id>{label}</label>
                        </div>
                    }
                }).collect_view()}
                <p class="note">"With articles ticked, questions that ask which text said something are left out: the ticks would give their answers away."</p>
            </fieldset>
            <fieldset>
                <legend>"Number of questions"</legend>
                {[Some(5), Some(10), Some(20), None].into_iter().map(|n| {
                    let input_id = format!("count-{}", n.map_or("all".to_string(), |n| n.to_string()));
                    view! {
                        <div class="choice">
                            <input type="radio" name="count" id=input_id.clone() prop:checked=move || count.get() == n on:change=move |_| count.set(n) />
                            <label for=input_id>{n.map_or("All".to_string(), |n| n.to_string())}</label>
                        </div>
                    }
                }).collect_view()}
            </fieldset>
            <fieldset>
                <legend>"Mode"</legend>
                <div class="choice">
                    <input type="radio" name="mode" id="mode-practice" prop:checked=move || mode.get() == Mode::Practice on:change=move |_| mode.set(Mode::Practice) />
                    <label for="mode-practice">"Practice: see the answer after each question"</label>
                </div>
                <div class="choice">
                    <input type="radio" name="mode" id="mode-test" prop:checked=move || mode.get() == Mode::Test on:change=move |_| mode.set(Mode::Test) />
                    <label for="mode-test">"Test: see the answers at the end"</label>
                </div>
            </fieldset>
            <p>
                <label for="minutes">"Time limit "</label>
                <select id="minutes" on:change=move |ev| minutes.set(decimal(&event_target_value(&ev)).and_then(|m| u16::try_from(m).ok()))>
                    {[None, Some(5), Some(10), Some(20), Some(30)].into_iter().map(|limit: Option<u16>| view! {
                        <option value=limit.map(|m| m.to_string()).unwrap_or_default() prop:selected=move || minutes.get() == limit>
                            {limit.map_or_else(|| "None".to_string(), |m| format!("{m} minutes"))}
                        </option>
                    }).collect_view()}
                </select>
            </p>
            {(purpose == BuilderPurpose::Share).then(|| view! {
                <SinglePicker picked=picked toggle=toggle topics=topics articles=articles />
                <p>
                    <label for="quiz-title">"Title for the students' quiz, the worksheet and the projector (optional)"</label>
                    <input id="quiz-title" type="text" maxlength="80" prop:value=move || title.get() on:input=move |ev| title.set(event_target_value(&ev)) />
                </p>
            })}
            // With questions picked, the ticks above still look as if they
            // chose the quiz: said that they do not (a teacher's walk).
            <p role="status" class="note">{move || match picked.with(Vec::len) {
                0 => shortfall().map(|size| match size {
                    0 => NO_MATCH.to_string(),
                    1 => "Only 1 question matches the ticked topics and articles, so the quiz will ask just that one.".to_string(),
                    n => format!("Only {n} questions match the ticked topics and articles, so the quiz will ask {n}."),
                }),
                1 => Some("The quiz will ask the 1 question picked, whatever topics, articles and number are ticked.".to_string()),
                n => Some(format!("The quiz will ask the {n} questions picked, whatever topics, articles and number are ticked.")),
            }}</p>
            <button type="submit" class="primary">
                {match purpose { BuilderPurpose::Play => "Start", BuilderPurpose::Share => "Make the class link" }}
            </button>
        </form>
        <MessageView message=problem />
        {move || link.get().map(|class_link| {
            let take_focus = just_made.try_update_value(std::mem::take).unwrap_or(false);
            view! {
                <ShareLink
                    class_link=class_link
                    replaced=replaced_quiz.get_untracked()
                    title_left=title_left.get_untracked()
                    take_focus=take_focus
                />
            }
        })}
        {move || {
            // Those that still give their quiz here: a heading over an empty
            // list said there were some (found by a teacher's walk).
            let links: Vec<ClassLink> = earlier.with(|hrefs| hrefs.iter().filter_map(|kept| ClassLink::from_kept(kept)).collect());
            (!links.is_empty()).then(|| view! { <EarlierLinks links /> })
        }}
    }
}

/// The class links made before the one above, of other quizzes, each to
/// copy again: a lesson may hand out a test and a practice quiz.
#[component]
fn EarlierLinks(links: Vec<ClassLink>) -> impl IntoView {
    view! {
        <section class="earlier-links" aria-labelledby="earlier-links-heading">
            <h2 id="earlier-links-heading">"Class links made before"</h2>
            <ul>
                {links.into_iter().enumerate().map(|(index, class_link)| {
                    let href = class_link.handed_out();
                    let about_id = format!("{EARLIER_QUIZ}{index}");
                    view! {
                        <li>
                            // The teacher's title leads it, where there is one.
                            // Where the way back from its projector or worksheet leads.
                            <p id=about_id.clone() tabindex="-1">{class_link.link.summary(bundle())}</p>
                            <p class="share-link-box"><a class="earlier-link" href=href.clone()>{href.clone()}</a></p>
                            {class_link.too_big.as_ref().map(|pack| view! {
                                <p class="note">{format!("Its questions from the pack \"{}\" did not fit in the link: students need the pack file with it, as when it was made.", pack.name)}</p>
                            })}
                            <CopyLink text=href described_by=about_id.clone() />
                            // A lesson's second link must not cost the first its
                            // QR code, projector and worksheet.
                            <LinkActions class_link=class_link about_id=about_id.clone() way_back_to=about_id />
                        </li>
                    }
                }).collect_view()}
            </ul>
        </section>
    }
}

/// Single questions to build a quiz from, folded away: those on the ticked
/// topics and articles (all when none is ticked), narrowed by a search.
#[component]
fn SinglePicker(
    picked: RwSignal<Vec<String>>,
    toggle: fn(RwSignal<Vec<String>>, String),
    topics: RwSignal<Vec<String>>,
    articles: RwSignal<Vec<String>>,
) -> impl IntoView {
    let search = RwSignal::new(String::new());
    let found = move |question: &Question| {
        let words = normalise_for_match(&search.get()).to_lowercase();
        let haystack = normalise_for_match(&question.prompt).to_lowercase();
        words.split(' ').all(|word| haystack.contains(word))
    };
    let shown = move |question: &Question| {
        topics.with(|t| t.is_empty() || question.topics.iter().any(|q| t.contains(q)))
            && articles.with(|a| a.is_empty() || a.contains(&question.article))
            && found(question)
    };
    let count = move |matches: &dyn Fn(&Question) -> bool| bundle().questions.iter().filter(|q| matches(q)).count();
    view! {
        <details class="single-picker">
            <summary>{move || format!("Or pick single questions ({} picked)", picked.with(Vec::len))}</summary>
            <p>
                <label for="pick-search">"Find questions by words in them"</label>
                // The list narrows as the words are typed; Enter must not
                // submit the form around it, which would make a new link.
                <input
                    id="pick-search"
                    type="search"
                    prop:value=move || search.get()
                    on:input=move |ev| search.set(event_target_value(&ev))
                    on:keydown=move |ev| if ev.key() == "Enter" { ev.prevent_default() }
                />
            </p>
            // Said where the ticks above hide some: a teacher who ticked a
            // topic for the last quiz took "1 question matches" for all
            // there was (a teacher's walk).
            <p role="status">
                {move || match (count(&shown), count(&found)) {
                    (0, 0) => "No question matches the search.".to_string(),
                    (0, 1) => "No question on the ticked topics and articles matches; 1 on others does: untick them to see it.".to_string(),
                    (0, all) => format!("No question on the ticked topics and articles matches; {all} on others do: untick them to see those."),
                    (1, 1) => "1 question matches.".to_string(),
                    (n, all) if n == all => format!("{n} questions match."),
                    (n, all) => format!("{n} of {all} questions match: only those on the ticked topics and articles are listed."),
                }}
                // Picked, then hidden by a tick or the search: still in the quiz.
                {move || match count(&|q: &Question| picked.with(|p| p.contains(&q.id)) && !shown(q)) {
                    0 => String::new(),
                    1 => " 1 picked question is not listed: it stays in the quiz.".to_string(),
                    n => format!(" {n} picked questions are not listed: they stay in the quiz."),
                }}
            </p>
            {bundle().articles_by_date().into_iter().map(|article| {
                let article_id = article.id.clone();
                let any_shown = move || bundle().questions.iter().any(|q| q.article == article_id && shown(q));
                view! {
                    <fieldset class="pick-article" class:hidden=move || !any_shown()>
                        <legend>{capitalise(&article.label)}</legend>
                        {bundle().questions.iter().filter(|q| q.article == article.id).map(|q| {
                            let id = q.id.clone();
                            let input_id = format!("pick-{}", q.id);
                            let question = q.clone();
                            view! {
                                <div class="choice" class:hidden=move || !shown(&question)>
                                    <input type="checkbox" id=input_id.clone() prop:checked={let id = id.clone(); move || picked.with(|p| p.contains(&id))} on:change=move |_| toggle(picked, id.clone()) />
                                    <label for=input_id>{q.prompt.clone()}</label>
                                </div>
                            }
                        }).collect_view()}
                    </fieldset>
                }
            }).collect_view()}
        </details>
    }
}

/// A link to hand out, with a one-click copy, its QR code, and the same
/// quiz on the projector and on paper; for a pack too large for a link, the
/// warning and the pack file to hand out.
#[component]
fn ShareLink(
    class_link: ClassLink,
    /// How it differs from the link it replaced, which the class may have.
    replaced: Option<Remade>,
    /// The title it shares with that link, another quiz.
    title_left: Option<String>,
    /// It was just made: its heading takes the focus and the top of the
    /// screen, so the link and its buttons come into view (on a phone the
    /// button pressed is at the form's foot, and all of it was below the
    /// screen).
    take_focus: bool,
) -> impl IntoView {
    let href = class_link.handed_out();
    let pack_message = RwSignal::new(None::<Message>);
    let about = class_link.link.summary(bundle());
    if take_focus {
        bring_into_focus(SHARE_HEADING);
    }
    view! {
        <section class="share" aria-labelledby=SHARE_HEADING>
            <h2 id=SHARE_HEADING tabindex="-1">"The class link"</h2>
            <p class="share-quiz" id="share-quiz">{about}</p>
            {replaced.map(|how| view! {
                <p class="share-new-quiz" role="status">{match how {
                    Remade::OtherTimeLimit => "The same questions in the same order as the link made before, with another time limit: worksheets printed for it still match, but a class that is to have this time limit needs this link and QR code. The one before is listed below.",
                    Remade::NewQuiz | Remade::SameQuiz => "This is another quiz than the link made before (its questions, its mode or both): a class that is to take this one needs this link and QR code. The one before is listed below.",
                }}{title_left.map(|title| format!(" This quiz has the same title as the one before, “{title}”. To give it its own, change the title above and make the link again: its questions stay the same."))}</p>
            })}
            {match class_link.too_big.clone() {
                None => view! {
                    <p>"Everyone who opens this link gets the same questions in the same order, with the same choices."</p>
                }.into_any(),
                Some(pack) => {
                    let file = pack_file_name(&pack.name);
                    let text = open_door_core::pack::export(&pack);
                    view! {
                        <div class="too-big" role="alert">
                            <p><strong>"Your students need the pack file too."</strong>{format!(" The questions from your pack \"{}\" are too many to fit in a link (a link carries at most {MAX_LINK_CHARS} characters), so the link only names the pack. Hand out the pack file with the link: a student's device that does not have the pack asks for it by name, and the quiz starts once it is added.", pack.name)}</p>
                            <p>
                                <button type="button" class="primary" on:click=move |_| {
                                    match download(&file, "application/json", &text) {
                                        Ok(()) => pack_message.set(Some(Message::Done(format!("Saved to your downloads as {file}: hand it out with the link.")))),
                                        Err(why) => pack_message.set(Some(Message::Problem(vec![format!("The pack file could not be saved: {why}.")]))),
                                    }
                                }>"Download the pack file to hand out"</button>
                            </p>
                            <MessageView message=pack_message />
                        </div>
                    }.into_any()
                }
            }}
            <p class="share-link-box"><a class="share-link" href=href.clone()>{href.clone()}</a></p>
            <CopyLink text=href.clone() described_by="share-quiz" />
            // The buttons before the code itself, so that on a phone they
            // come into view with the link (the code took most of the screen).
            <LinkActions class_link=class_link about_id="share-quiz" way_back_to=SHARE_HEADING />
            <QrImage text=href label="QR code of the class link" />
        </section>
    }
}

/// A class link's QR code full screen, and its quiz on the projector and
/// on paper. Each control is described by the quiz it is for (`about_id`,
/// the element that names it), as the page lists more than one link. Back
/// from the projector or the worksheet, the element `way_back_to` takes the
/// focus (see `mark_way_back`).
#[component]
fn LinkActions(class_link: ClassLink, #[prop(into)] about_id: String, #[prop(into)] way_back_to: String) -> impl IntoView {
    let projector = class_link.with_fragment(class_link.link.projector_href());
    let print = class_link.with_fragment(class_link.link.print_href());
    let mark = move |ev: leptos::ev::MouseEvent| mark_way_back(&ev, &way_back_to);
    view! {
        <p class="actions">
            <QrFullScreen text=class_link.handed_out() title=class_link.link.title_with_mode(bundle()) described_by=about_id.clone() />
            <A href=crate::paths::href(&projector) attr:class="button" attr:aria-describedby=about_id.clone() on:click=mark.clone()>
                "Show on the projector"
            </A>
            <A href=crate::paths::href(&print) attr:class="button" attr:aria-describedby=about_id on:click=mark>
                "Print worksheet and answer key"
            </A>
        </p>
    }
}

/// The projector's and the worksheet's own link back to this page, of
/// class `goes-back` with `back_when_opened_from`: opened from this page,
/// it goes back, as the browser's Back does, to the quiz whose button the
/// teacher used (the class link, an earlier one, or the follow-up quiz
/// below the class results, 5,000 px below the class link it went to
/// before: found by a teacher's walk), whose line takes the focus
/// (`take_the_way_back`). Opened otherwise, it leads to the class link,
/// rather than the page's top, 20 Tabs from the buttons.
pub fn way_back() -> String {
    let from_here =
        crate::router::opened_from().filter(|from| Page::at(from.split(['?', '#']).next().unwrap_or_default()) == Page::Classroom);
    crate::paths::href(&from_here.unwrap_or_else(|| format!("/classroom#{SHARE_HEADING}")))
}

/// The class link's heading, which takes the focus when the link is made
/// and when the teacher comes back to it.
const SHARE_HEADING: &str = "share-heading";

/// Marks where the browser's Back from the projector or the worksheet
/// leads (`way_back_to`, the quiz the button was for): as a fragment in
/// this page's history entry, written before the router's own listener on
/// the window leaves the entry (this link's listener hears the click
/// first). Not for a click that opens another tab, which leaves this page
/// as it is.
pub fn mark_way_back(ev: &leptos::ev::MouseEvent, way_back_to: &str) {
    if crate::router::is_plain_click(ev) {
        crate::router::replace_fragment(Some(way_back_to));
    }
}

/// The start of the ids of the lines naming the class links made before.
const EARLIER_QUIZ: &str = "earlier-quiz-";

/// Back on this page by a way back (`mark_way_back`, `way_back`): the
/// element its fragment names (the class link's heading, an earlier link's
/// line) takes the focus, and the fragment is dropped. Another fragment is
/// left alone (the follow-up quiz's is the class results').
pub fn take_the_way_back() {
    let id = crate::router::address_fragment();
    if id == SHARE_HEADING || id.starts_with(EARLIER_QUIZ) {
        bring_into_focus(id);
        crate::router::replace_fragment(None);
    }
}

/// "Copy link", and whether it worked: a link pasted into the class's chat
/// must be the whole link.
#[component]
pub fn CopyLink(
    text: String,
    /// The id of what names the quiz, where a page lists more than one link.
    #[prop(optional, into)]
    described_by: Option<String>,
) -> impl IntoView {
    let copied = RwSignal::new("");
    let copy = move |_| {
        let promise = window().navigator().clipboard().write_text(&text);
        copied.set("Copying…");
        leptos::task::spawn_local(async move {
            let done = wasm_bindgen_futures::JsFuture::from(promise).await.is_ok();
            copied.set(if done { "Copied." } else { "Could not copy: select the link and copy it by hand." });
        });
    };
    view! {
        <p>
            <button type="button" aria-describedby=described_by on:click=copy>"Copy link"</button>
            " "
            <span role="status">{move || copied.get()}</span>
        </p>
    }
}

pub fn capitalise(text: &str) -> String {
    let mut chars = text.chars();
    chars.next().map_or_else(String::new, |c| c.to_uppercase().chain(chars).collect())
}
