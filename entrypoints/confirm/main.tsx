import { render } from 'preact';
import { AiSummary, summaryTarget } from '../../components/AiSummary';
import { PlanConfirm } from '../../components/PlanConfirm';
import '../../components/page.css';
import '../../components/confirm/confirm.css';

// A task page's "Summarise thread" opens this window on #summary/…; anything else is a plan.
const summary = summaryTarget(location.hash);
// A module script runs once the document is parsed: the body is there.
render(summary ? <AiSummary {...summary} /> : <PlanConfirm />, document.body);
