import { render } from 'preact';
import { AppInfo } from '../../components/AppInfo';
import { KitsuHostsSettings } from '../../components/KitsuHostsSettings';
import '../../components/page.css';

function Options() {
  return (
    <main>
      <AppInfo />
      <KitsuHostsSettings />
    </main>
  );
}

const root = document.getElementById('app');
if (root) render(<Options />, root);
