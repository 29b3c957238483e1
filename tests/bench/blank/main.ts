// The cold-start floor: the smallest Vite + Svelte page with one input, served like the real one.
import { mount } from 'svelte';
import Blank from './Blank.svelte';

mount(Blank, { target: document.body });
