// The page's figures, each a view of the run session (web/session/session.js), mounted in the
// reader's language ({ i18n }: each returns setLanguage(i18n), which the page calls on a switch).
import { RaceView } from '../session/race-view.js';
import { UnitsView } from './units-view.js';
import { mountPageChrome } from './page-chrome.js';
import { WhyView } from './why-view.js';
import { CostView } from './cost-view.js';
import { ClaimsView } from './claims-view.js';
import { AnswerView } from './answer-view.js';
import { DiagramView } from './diagram-view.js';

/**
 * @param page the LabPage (its session, state, labels, point tools, i18n, openClaim)
 * @param labelOf (activation name) => its label in the reader's language
 * @returns {race, claims, units, why, cost, answer, diagrams}
 */
export function mountFigures(page, labelOf) {
  const views = {};
  const byId = (id) => document.getElementById(id);
  const { i18n } = page;
  // Names by activation in the reader's language at mount (views given `labels` take their later
  // names from their own setLanguage(i18n): activation.<name>).
  const labels = Object.fromEntries([...page.labels.keys()].map((name) => [name, labelOf(name)]));
  views.race = new RaceView(byId('race-cards'), {
    i18n,
    session: page.session,
    labelOf,
    onPointClick: (point) => page.points.addPoint(point),
    lossContainer: byId('loss-chart'),
    legendContainer: byId('boundary-legend'),
  });
  views.claims = new ClaimsView(byId('claims-strip'), {
    i18n,
    labels,
    measure: (config) => page.session.measureClaims(config),
    open: (claim) => page.openClaim(claim),
  });
  views.claims.request(page.state.config());
  views.units = new UnitsView(byId('unit-maps'), { labelOf, i18n });
  mountPageChrome({ setDisplay: (changes) => views.race.setDisplay(changes) });
  views.why = new WhyView(byId('why-panels'), { labelOf, i18n });
  views.cost = new CostView(byId('cost-chart'), {
    i18n,
    section: byId('cost-view'),
    button: byId('measure-costs'),
    status: byId('cost-status'),
    labels,
    measure: () => page.session.measureCosts(),
  });
  views.answer = new AnswerView({ verdict: byId('verdict'), curves: byId('curves-figure'), depth: byId('depth-figure') },
    { session: page.session, labelOf, i18n, depthInit: page.state.get('depthInit'),
      onDepthInit: (depthInit) => page.state.set({ depthInit }) });
  views.diagrams = new DiagramView(byId('network-diagrams'), { session: page.session, labelOf, i18n });
  return views;
}
