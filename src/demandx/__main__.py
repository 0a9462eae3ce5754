from demandx.cli import main

main()
