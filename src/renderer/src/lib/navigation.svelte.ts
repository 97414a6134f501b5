import { parseScreen, screenHash, type Screen } from './navigation'

/** The visible screen, mirrored in the URL's hash so that reload and back/forward keep it. */
export class Navigation {
  screen: Screen = $state('inbox')

  constructor(hash: string) {
    this.screen = parseScreen(hash)
  }

  go = (screen: Screen): void => {
    this.screen = screen
    if (location.hash !== screenHash(screen)) location.hash = screenHash(screen)
  }

  followHash = (): void => {
    this.screen = parseScreen(location.hash)
  }
}
