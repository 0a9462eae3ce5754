from demandx.launch import main

main()
