import { render } from 'preact';
import { PublishPage } from '../../components/PublishPage';
import '../../components/page.css';
import { interfaceLanguage } from '../../lib/i18n';
import './style.css';

// The page is written in the interface's language (its HTML says English until then).
document.documentElement.lang = interfaceLanguage;

// A module script runs once the document is parsed: the body is there.
render(<PublishPage />, document.body);
