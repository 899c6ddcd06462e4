import { render } from 'preact';
import { PublishPage } from '../../components/PublishPage';
import '../../components/page.css';
import './style.css';

const root = document.getElementById('app');
if (root) render(<PublishPage />, root);
