import { render } from 'preact';
import { PublishPage } from '../../components/PublishPage';
import '../../components/page.css';
import { interfaceLanguage } from '../../lib/i18n';
import './style.css';

// The page is written in the interface's language (its HTML says English until then).
document.documentElement.lang = interfaceLanguage;

const root = document.getElementById('app');
if (root) render(<PublishPage />, root);
