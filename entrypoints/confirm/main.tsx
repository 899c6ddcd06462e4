import { render } from 'preact';
import { AiSummary, summaryTarget } from '../../components/AiSummary';
import { PlanConfirm } from '../../components/PlanConfirm';
import '../../components/page.css';
import '../../components/confirm/confirm.css';

const root = document.getElementById('app');
// A task page's "Summarise thread" opens this window on #summary/…; anything else is a plan.
const summary = summaryTarget(location.hash);
if (root) render(summary ? <AiSummary {...summary} /> : <PlanConfirm />, root);
