import { mount } from 'svelte'
import App from './App.svelte'
import NoConnection from './features/shell/NoConnection.svelte'
import { chooseTransport } from './lib/client/choose-transport'
import { DocsortClient } from './lib/client/docsort-client'
import './styles/base.css'
import './styles/controls.css'

const target = document.getElementById('app')
if (!target) throw new Error('#app is missing from index.html')

const transport = chooseTransport({
  host: window,
  href: location.href,
  storage: sessionStorage,
  replaceUrl: (url) => history.replaceState(history.state, '', url),
})
const languages = navigator.languages

switch (transport.kind) {
  case 'none':
    mount(NoConnection, { target, props: { languages } })
    break
  case 'ipc':
    mount(App, { target, props: { client: new DocsortClient(transport.api), languages } })
    break
  case 'http':
    mount(App, {
      target,
      props: { client: new DocsortClient(transport.api, transport.api), languages },
    })
    break
}
