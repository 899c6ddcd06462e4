import { render } from 'preact';
import { PlanConfirm } from '../../components/PlanConfirm';
import '../../components/page.css';

const root = document.getElementById('app');
if (root) render(<PlanConfirm />, root);
