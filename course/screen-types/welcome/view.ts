// The welcome screen is the first screen: its component travels in the first chunk and its text in the course's shell.
import type { ScreenTypeView } from '../screen-type-view.ts';
import { WelcomeScreen } from './WelcomeScreen.tsx';

export const welcomeView: ScreenTypeView<'welcome'> = { component: WelcomeScreen };
